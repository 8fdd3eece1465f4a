"""Rotor's web page in a real browser (headless Chromium through selenium), used as a planner would:
upload the tutorial problem, solve it for 5 s while the live score shows, read the grid, edit cells
and see them re-scored, follow a violation to its cells, find a shortage in the coverage view.
It starts `rotor serve` (the debug build, `swift build`) on a free loopback port with a temporary data
directory, and saves a screenshot of the page (to $ROTOR_SCREENSHOT, e.g. docs/web-page.png to refresh the
one in the docs; to a temporary file otherwise, so that a test run leaves the tree unchanged)."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
ROTOR = ROOT / ".build" / "debug" / "rotor"
SCREENSHOT = Path(os.environ.get("ROTOR_SCREENSHOT", tempfile.gettempdir() + "/rotor-web-page.png"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    assert ROTOR.exists(), f"{ROTOR} is missing: run `swift build` first"
    data = tempfile.mkdtemp(prefix="rotor-web-test-")
    port = free_port()
    log = open(os.path.join(data, "server.log"), "w")
    process = subprocess.Popen([str(ROTOR), "serve", "--port", str(port), "--data-dir", os.path.join(data, "db")],
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(url + "/openapi.json", timeout=1)
                break
            except OSError:
                if process.poll() is not None or time.time() > deadline:
                    raise RuntimeError("rotor serve did not start: " + Path(log.name).read_text())
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800",
                     "--force-device-scale-factor=1"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    # The window size includes the browser's frame; the page itself gets 1280×800, a laptop's screen.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    yield driver
    driver.quit()


def text(driver, element_id):
    return driver.find_element(By.ID, element_id).text


def score(driver):
    return text(driver, "score-hard"), text(driver, "score-soft")


def cell(driver, e, d):
    return driver.find_element(By.CSS_SELECTOR, f'#grid td[data-e="{e}"][data-d="{d}"]')


def choose(driver, e, d, prefix):
    """Opens cell (e, d)'s menu with a click and picks the first post whose name starts with `prefix`
    ("" picks Off); returns the post picked."""
    cell(driver, e, d).click()
    menu = driver.find_element(By.ID, "cell-menu")
    WebDriverWait(driver, 5).until(lambda _: menu.is_displayed())
    options = menu.find_elements(By.CSS_SELECTOR, "button.option")
    option = next(o for o in options if (o.get_attribute("data-post") or "").startswith(prefix)
                  and (prefix or not o.get_attribute("data-post")))
    post = option.get_attribute("data-post")
    option.click()
    return post


def click(driver, element_id):
    """Clicks a toolbar control, scrolled to the top of the page as a planner would see it."""
    driver.execute_script("window.scrollTo(0, 0)")
    driver.find_element(By.ID, element_id).click()


def roster_posts(driver):
    """The grid as rows of the shift shown in each cell ("" for off)."""
    return driver.execute_script("""
        return [...document.querySelectorAll('#grid tbody tr')].map(row =>
            [...row.querySelectorAll('td.cell')].map(td => td.querySelector('.post')?.textContent ?? ''));""")


def test_a_planner_solves_edits_and_explains_the_tutorial(server, browser):
    wait = WebDriverWait(browser, 30)
    browser.get(server + "/")
    assert browser.title.startswith("Rotor")

    # Upload the tutorial problem: it opens with an empty roster scored at once.
    browser.find_element(By.ID, "upload-input").send_keys(str(ROOT / "examples" / "tutorial.yaml"))
    wait.until(lambda d: text(d, "problem-title") == "tutorial")
    wait.until(lambda d: text(d, "score-status") != "no roster")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#grid tbody tr")) == 10

    # Solve for 5 s: the live score shows while it runs, and the job's roster when it ends.
    limit = browser.find_element(By.ID, "time-limit")
    limit.clear()
    limit.send_keys("5")
    browser.find_element(By.ID, "start-button").click()
    WebDriverWait(browser, 10).until(lambda d: text(d, "live-soft") not in ("", "–"))
    assert text(browser, "live-status").startswith("running")
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chart path.line-soft"))
    # It ends at its time limit, or earlier when its roster meets the proven bound.
    WebDriverWait(browser, 30).until(lambda d: text(d, "live-status").split()[0] in ("finished", "optimal"))
    wait.until(lambda d: d.find_element(By.ID, "start-button").is_enabled())
    wait.until(lambda d: "Roster of job #1" in text(d, "roster-source"))
    assert text(browser, "score-status") in ("feasible", "proved optimal")

    # The job's proven bound under its figures: the objective, the bound and how far the roster can
    # at most be from the best possible, with the rules the bound leaves out.
    job = json.loads(urllib.request.urlopen(server + "/api/jobs/1").read())
    note = browser.find_element(By.ID, "live-bound")
    if job["bound"] is None:
        assert not note.is_displayed()
    else:
        wait.until(lambda d: note.is_displayed() and f"bound {job['bound']}" in note.text)
        assert f"objective {job['best']['soft']}" in note.text
        if job["gap"] == 0:
            assert "proved optimal" in note.text and job["status"] == "optimal"
        else:
            assert f"at most {100 * job['gap']:.1f} % from the best possible" in note.text, note.text
        if job["boundRelaxes"]:
            assert "bound leaves out: " + ", ".join(job["boundRelaxes"]) in note.text

    # The grid: 10 staff by 14 days, dated with weekday names, weekends shaded.
    assert len(browser.find_elements(By.CSS_SELECTOR, "#grid tbody tr")) == 10
    days = browser.find_elements(By.CSS_SELECTOR, "#grid thead th.day")
    assert len(days) == 14
    assert days[0].text.split() == ["MON", "1", "Mar"]
    assert len(browser.find_elements(By.CSS_SELECTOR, "#grid thead th.day.weekend")) == 4

    # The downloads: the CSV is the server's own CSV of the job's roster, the JSON its scored roster.
    downloads = tempfile.mkdtemp(prefix="rotor-web-downloads-")
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    browser.find_element(By.ID, "download-csv").click()
    browser.find_element(By.ID, "download-json").click()
    browser.find_element(By.ID, "download-ics").click()
    browser.find_element(By.ID, "download-xlsx").click()
    browser.find_element(By.ID, "download-print").click()
    files = {name: Path(downloads, name) for name in ("tutorial-roster.csv", "tutorial-roster.json", "ann.ics",
                                                      "tutorial-job-1.xlsx", "tutorial-job-1.html")}
    WebDriverWait(browser, 10).until(lambda _: all(f.exists() for f in files.values()))
    server_csv = urllib.request.urlopen(server + "/api/jobs/1/roster?format=csv").read().decode()
    assert files["tutorial-roster.csv"].read_text() == server_csv
    server_json = json.loads(urllib.request.urlopen(server + "/api/jobs/1/roster").read())
    downloaded = json.loads(files["tutorial-roster.json"].read_text())
    assert downloaded["roster"] == server_json["roster"]
    assert downloaded.get("bound") == server_json.get("bound") == job["bound"]
    assert downloaded.get("gap") == server_json.get("gap")
    assert files["ann.ics"].read_text().startswith("BEGIN:VCALENDAR")
    # The workbook and the printable page are the server's own.
    assert files["tutorial-job-1.xlsx"].read_bytes()[:2] == b"PK"
    assert "North Hospital · tutorial" in files["tutorial-job-1.html"].read_text()
    shutil.rmtree(downloads, ignore_errors=True)

    # Keyboard: Enter on a focused cell opens its menu, Escape closes it and returns to the cell. (The
    # download buttons may lie below the fold; back at the top, no sticky header covers the cell.)
    browser.execute_script("window.scrollTo(0, 0)")
    cell(browser, 0, 0).click()
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.ID, "cell-menu").is_displayed())
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not browser.find_element(By.ID, "cell-menu").is_displayed()
    browser.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert browser.switch_to.active_element.get_attribute("data-d") == "1"
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.ID, "cell-menu").is_displayed())
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)

    # Break a rule: a day shift the morning after a night. The score changes at once.
    grid = roster_posts(browser)
    e, d = next((e, d) for e, row in enumerate(grid) for d in range(13)
                if row[d] == "night" and row[d + 1] == "" and d + 1 < 14)
    before = score(browser)
    post = choose(browser, e, d + 1, "day@")
    wait.until(lambda b: score(b) != before)
    wait.until(lambda b: text(b, "score-status") != "feasible")
    assert int(text(browser, "score-hard")) > 0
    assert cell(browser, e, d + 1).find_element(By.CLASS_NAME, "post").text == "day", post

    # The explanation lists it under its rule; choosing it highlights that person's cells.
    group = wait.until(lambda b: b.find_element(By.CSS_SELECTOR, '#violations details[data-rule="forbidden-succession"]'))
    violation = group.find_element(By.CSS_SELECTOR, "button.violation")
    assert "night" in violation.text and "day" in violation.text
    violation.click()
    highlighted = browser.find_elements(By.CSS_SELECTOR, "#grid td.highlight")
    assert highlighted and all(td.get_attribute("data-e") == str(e) for td in highlighted)
    assert str(d + 1) in {td.get_attribute("data-d") for td in highlighted}

    # A pinned cell does not change; a swap exchanges two people's posts on one day (by keyboard).
    grid = roster_posts(browser)
    day, first, second = next((day, a, b) for day in range(14) for a in range(10) for b in range(10)
                              if grid[a][day] == "day" and grid[b][day] == "" and a != e and b != e)
    cell(browser, first, day).send_keys("p")
    assert "pinned" in cell(browser, first, day).get_attribute("class")
    cell(browser, first, day).send_keys(Keys.DELETE)
    assert "pinned" in text(browser, "message") and cell(browser, first, day).text.startswith("day")
    cell(browser, first, day).send_keys("p")
    before = score(browser)
    cell(browser, first, day).send_keys("s")
    assert "swap-target" in cell(browser, second, day).get_attribute("class")
    cell(browser, second, day).send_keys(Keys.ENTER)
    wait.until(lambda b: cell(b, second, day).text.startswith("day") and cell(b, first, day).text == "")
    wait.until(lambda b: "Re-scored" in text(b, "message"))
    click(browser, "undo-button")
    wait.until(lambda b: cell(b, first, day).text.startswith("day") and cell(b, second, day).text == "")
    wait.until(lambda b: score(b) == before)

    # Take the only person on a night off: the coverage view flags that night short.
    grid = roster_posts(browser)
    night = next(day for day in range(14) if sum(row[day] == "night" for row in grid) == 1)
    person = next(i for i, row in enumerate(grid) if row[night] == "night")
    before = score(browser)
    choose(browser, person, night, "")
    wait.until(lambda b: score(b) != before)
    click(browser, "tab-coverage")
    short = wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#coverage td.cov.short"))
    night_row = next(row for row in browser.find_elements(By.CSS_SELECTOR, "#coverage tbody tr")
                     if "night@north" in row.find_element(By.CSS_SELECTOR, "th .meta").text)
    assert "short" in night_row.find_elements(By.CSS_SELECTOR, "td")[night].get_attribute("class")
    assert short

    # Who could take the short night: a click on it lists people best first, with what each change
    # costs; applying the best is an edit like any other, re-scored by the server.
    shorted = score(browser)
    night_row.find_elements(By.CSS_SELECTOR, "td")[night].click()
    items = wait.until(lambda b: b.find_element(By.ID, "recommend-panel").is_displayed()
                       and b.find_elements(By.CSS_SELECTOR, "#recommend-list > li"))
    heading = text(browser, "recommend-heading").lower()
    assert heading.startswith("who could work night") and "north hospital" in heading, heading
    deltas = [tuple(int(part.split()[0]) for part in li.find_element(By.CSS_SELECTOR, ".delta").text.split(", "))
              for li in items]
    assert deltas == sorted(deltas), deltas
    best_hard, best_soft = deltas[0]
    items[0].find_element(By.CSS_SELECTOR, "button.apply").click()
    wait.until(lambda b: not b.find_element(By.ID, "recommend-panel").is_displayed())
    wait.until(lambda b: b.find_element(By.ID, "message").text.startswith("Changed:")
               and b.find_element(By.ID, "message").text.endswith("Re-scored."))
    assert int(score(browser)[1]) == int(shorted[1]) + best_soft
    click(browser, "undo-button")
    wait.until(lambda b: score(b) == shorted)

    # R on a worked cell of the roster: who could take over that person's shift.
    click(browser, "tab-roster")
    grid_now = roster_posts(browser)
    worker, worked_day = next((e, d) for e, row in enumerate(grid_now) for d, post in enumerate(row) if post)
    cell(browser, worker, worked_day).click()
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    cell(browser, worker, worked_day).send_keys("r")
    wait.until(lambda b: b.find_element(By.ID, "recommend-panel").is_displayed()
               and text(b, "recommend-heading").lower().startswith("who could take over"))
    click(browser, "recommend-close")
    wait.until(lambda b: not b.find_element(By.ID, "recommend-panel").is_displayed())
    click(browser, "tab-coverage")

    # Undo brings the night back; then show the roster with the broken rule chosen, for the screenshot.
    click(browser, "undo-button")
    click(browser, "tab-roster")
    wait.until(lambda b: cell(b, person, night).text.startswith("night"))
    group = wait.until(lambda b: b.find_element(By.CSS_SELECTOR, '#violations details[data-rule="forbidden-succession"]'))
    group.find_element(By.CSS_SELECTOR, "button.violation").click()
    browser.execute_script("window.scrollTo(0, 0)")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    browser.save_screenshot(str(SCREENSHOT))
