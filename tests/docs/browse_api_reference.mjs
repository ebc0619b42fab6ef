// Opens the built API reference in headless Chromium and reports what a reader can see.
//
//   node tests/docs/browse_api_reference.mjs PLAN.json
//
// PLAN.json (written by test_api_reference.py):
//   url            the page, served on 127.0.0.1
//   userDataDir    a fresh, empty Chromium profile directory
//   resultPath     where to write the result JSON
//   overviewShot   screenshot path of the page's top, taken last
//   itemShot       {label, path}: screenshot path of one sidebar item's section
//   groups         [{label, items: [label, ...]}]: sidebar groups and the items to open
//   timeoutMs      how long to wait for one section to show
//
// For each item, it expands the item's group in the sidebar, clicks the item and waits until a
// heading with exactly the item's label is in the viewport. Every request that leaves the page's
// origin is blocked and reported, so the browser never reaches the internet; host names do not
// even resolve. The result JSON: {shown: {group: [labels]}, missing: [...], blocked: [{url,
// resourceType}], consoleErrors: [{text, url}], pageErrors: [...]}.
import { readFile, writeFile } from "node:fs/promises";
import { chromium } from "playwright-core";

const [planPath] = process.argv.slice(2);
if (!planPath) {
  throw new Error("usage: node browse_api_reference.mjs PLAN.json");
}
const plan = JSON.parse(await readFile(planPath, "utf8"));
const origin = new URL(plan.url).origin;

const context = await chromium.launchPersistentContext(plan.userDataDir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    // Belt and braces with the request blocking below: no host name resolves at all.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  ],
});

const result = { shown: {}, missing: [], blocked: [], consoleErrors: [], pageErrors: [] };
try {
  await context.route("**/*", (route) => {
    const request = route.request();
    if (new URL(request.url()).origin === origin) {
      return route.continue();
    }
    result.blocked.push({ url: request.url(), resourceType: request.resourceType() });
    return route.abort("blockedbyclient");
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(plan.timeoutMs);
  page.on("pageerror", (error) => result.pageErrors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") {
      result.consoleErrors.push({ text: message.text(), url: message.location().url });
    }
  });

  /** Resolves once a heading reading exactly `label` is inside the viewport. */
  const headingInView = (label) =>
    page.waitForFunction(
      (text) =>
        [...document.querySelectorAll("h1, h2, h3")].some((heading) => {
          const box = heading.getBoundingClientRect();
          return heading.innerText.trim() === text && box.top >= 0 && box.top < innerHeight;
        }),
      label,
      { timeout: plan.timeoutMs },
    );

  await page.goto(plan.url, { waitUntil: "load" });
  await page.locator("h1").first().waitFor({ state: "visible" });

  for (const group of plan.groups) {
    result.shown[group.label] = [];
    const groupLink = page
      .locator(".menu-item-type-group > a")
      .filter({ has: page.getByText(group.label, { exact: true }) });
    for (const label of group.items) {
      const item = page.locator(".menu-item-type-operation").getByText(label, { exact: true });
      try {
        if (!(await item.isVisible())) {
          await groupLink.click();
          await item.waitFor({ state: "visible" });
        }
        await item.click();
        await headingInView(label);
        result.shown[group.label].push(label);
        if (plan.itemShot.label === label) {
          await page.mouse.move(0, 0);
          await page.screenshot({ path: plan.itemShot.path });
        }
      } catch (error) {
        result.missing.push({ group: group.label, label, error: String(error).split("\n")[0] });
      }
    }
  }

  // Back to the top through the sidebar's first entry, now that Redoc has long finished loading.
  await page.locator(".menu-item-type-default a").first().click();
  await page.waitForFunction(() => {
    const title = document.querySelector("h1");
    const shown = title !== null && title.innerText.trim() !== "";
    return shown && title.getBoundingClientRect().top >= 0;
  });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: plan.overviewShot });
} finally {
  await context.close();
}
await writeFile(plan.resultPath, JSON.stringify(result, null, 2));
