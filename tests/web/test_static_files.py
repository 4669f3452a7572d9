"""The widget's static files over the real web server (web/app.py)."""

import requests

from tests.project_files import ROOT
from tests.web.conftest import StaffSite

WEB_LOG = ROOT / "test-output" / "web" / "web.log"


def test_a_file_path_with_a_trailing_slash_is_not_found_and_writes_no_traceback(staff_site: StaffSite) -> None:
    """Issue 17, item 7: "/index.html/" was a 500 with a traceback in the log."""
    for path in ("/index.html/", "/privacy.html/", "/widget/send-guide-widget.js/", "/favicon.ico/"):
        reply = requests.get(f"{staff_site.url}{path}", timeout=30)
        assert reply.status_code == 404, (path, reply.status_code)
    assert requests.get(f"{staff_site.url}/index.html", timeout=30).status_code == 200
    assert "Traceback" not in WEB_LOG.read_text(encoding="utf-8", errors="replace")
