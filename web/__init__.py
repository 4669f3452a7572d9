"""The web server of `make run`: the demo Local Offer page with the widget, and the staff page."""
