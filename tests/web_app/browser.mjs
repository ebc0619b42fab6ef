// Headless Debian Chromium, driven one command at a time by tests/web_app/_browser.py.
//
//   node tests/web_app/browser.mjs USER_DATA_DIR
//
// Reads one JSON command per line on stdin, answers one JSON line on stdout:
//   {"op": "goto", "url": ...}              load a URL
//   {"op": "click", "selector": ...}        click an element and wait for the page it loads
//   {"op": "screenshot", "path": ...}       the whole page, as PNG
//   {"op": "frame", "url": ...}             load a page that holds an <iframe>; answers the
//                                           frame's URL and the text it shows
//   {"op": "close"}                         close the browser and exit
// Every answer that shows a page: {url, status, title, text, html}. An error: {error}.
//
// JavaScript is off for the pages (the consent page and the app must work without it), and every
// request that does not go to 127.0.0.1 is blocked: the browser never reaches the internet.
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";

const [userDataDir] = process.argv.slice(2);
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  javaScriptEnabled: false,
  viewport: { width: 1100, height: 760 },
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  ],
});
await context.route("**/*", (route) => {
  const url = new URL(route.request().url());
  return url.hostname === "127.0.0.1" ? route.continue() : route.abort("blockedbyclient");
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(20_000);
let lastStatus = null;
page.on("response", (response) => {
  if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) {
    lastStatus = response.status();
  }
});

async function shown() {
  return {
    url: page.url(),
    status: lastStatus,
    title: await page.title(),
    text: await page.locator("body").innerText(),
    html: await page.content(),
  };
}

async function run(command) {
  switch (command.op) {
    case "goto":
      await page.goto(command.url, { waitUntil: "load" });
      return shown();
    case "click":
      await Promise.all([
        page.waitForNavigation({ waitUntil: "load" }),
        page.locator(command.selector).click(),
      ]);
      return shown();
    case "screenshot":
      await page.screenshot({ path: command.path, fullPage: true });
      return { path: command.path };
    case "frame": {
      // `url` is a page (on another loopback origin) that frames something in an <iframe>.
      await page.goto(command.url, { waitUntil: "load" });
      const frame = page.frames().find((f) => f !== page.mainFrame());
      if (!frame) {
        return { frameUrl: null, text: "" };
      }
      let text = "";
      try {
        text = await frame.locator("body").innerText({ timeout: 2_000 });
      } catch {
        text = "";
      }
      return { frameUrl: frame.url(), text };
    }
    case "close":
      return { closed: true };
    default:
      throw new Error(`unknown op ${command.op}`);
  }
}

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const command = JSON.parse(line);
  let answer;
  try {
    answer = await run(command);
  } catch (error) {
    answer = { error: String(error).split("\n")[0] };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
  if (command.op === "close") {
    break;
  }
}
lines.close();
await context.close();
process.exit(0); // stdin may still be open: do not wait for it
