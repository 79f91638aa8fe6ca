// Drives the mq console in a real Chromium (the system's, through
// playwright-core): every page loads without a console error, a topic is
// created through the form, a message sent from the page is found by its
// key and its HTML body shows as text, and a group's offsets are reset
// through the preview. tests/console_browser.rs starts the cluster and the
// console and runs this with:
//   CONSOLE   the console's base URL (write mode)
//   BROKER    the broker's address
//   SHOTS     where screenshots go
//   CHROMIUM  the browser to drive
"use strict";
const { chromium } = require("playwright-core");
const fs = require("fs");
const path = require("path");

const base = process.env.CONSOLE;
const broker = process.env.BROKER;
const shots = process.env.SHOTS;
const errors = [];

function fail(message) {
  throw new Error(message);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, name + ".png"), fullPage: true });
}

async function open(page, url) {
  const r = await page.goto(base + url, { waitUntil: "load" });
  if (!r || r.status() !== 200) fail(`GET ${url}: ${r && r.status()}`);
  return r;
}

async function text(page, selector) {
  return (await page.locator(selector).first().textContent()) || "";
}

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
      const page = await context.newPage();
      page.on("console", (m) => { if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`); });
      page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
      page.on("dialog", (d) => d.accept());
      if (scheme === "light") {
        await flows(page);
      }
      for (const [name, url] of [
        ["dashboard", "/"],
        ["cluster", "/cluster"],
        ["broker", "/cluster/brokers/" + encodeURIComponent(broker)],
        ["topics", "/topics?filter=all"],
        ["topic", "/topics/Orders"],
        ["groups", "/groups"],
        ["group", "/groups/g1"],
        ["reset-preview", "/groups/g1/reset?topic=Orders&to=earliest"],
        ["dlq", "/groups/g1/dlq"],
        ["producers", "/producers?group=nobody"],
        ["messages", "/messages?topic=Orders"],
        ["namesrv", "/namesrv"],
      ]) {
        const r = await page.goto(base + url, { waitUntil: "load" });
        // The producers page names a group nobody produces for: a 404 page, still a page.
        if (r.status() !== 200 && name !== "producers") fail(`GET ${url}: ${r.status()}`);
        if ((await page.locator("h1").count()) !== 1) fail(`${url} has no title`);
        await shot(page, `${name}-${scheme}`);
      }
      // A narrow window: the navigation wraps and nothing is cut off sideways.
      await page.setViewportSize({ width: 420, height: 800 });
      await open(page, "/groups/g1");
      const overflow = await page.evaluate(() => document.body.scrollWidth - window.innerWidth);
      if (overflow > 0) fail(`the group page is ${overflow}px too wide at 420px`);
      await shot(page, `group-narrow-${scheme}`);
      await context.close();
    }
    if (errors.length) fail("console errors:\n" + errors.join("\n"));
    console.log("browser: ok");
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error("browser: " + e.message);
  process.exit(1);
});

async function flows(page) {
  // Create a topic through the form.
  await open(page, "/topics");
  await page.fill("form[method=post][action='/topics'] input[name=topic]", "FromBrowser");
  await page.fill("form[method=post][action='/topics'] input[name=writeQueues]", "2");
  await page.fill("form[method=post][action='/topics'] input[name=readQueues]", "2");
  await Promise.all([page.waitForNavigation(), page.click("form[method=post][action='/topics'] button")]);
  if (!(await text(page, "h1")).includes("Topic saved")) fail("the topic form did not save: " + (await text(page, "main")));
  await shot(page, "topic-created");

  // Send a message whose body is HTML, from the topic's page.
  const body = "<img src=x onerror=\"window.__xss=1\"><b>bold</b>";
  await open(page, "/topics/FromBrowser");
  await page.fill("form[action='/topics/FromBrowser/send'] textarea[name=body]", body);
  await page.fill("form[action='/topics/FromBrowser/send'] input[name=keys]", "bkey");
  await Promise.all([page.waitForNavigation(), page.click("form[action='/topics/FromBrowser/send'] button")]);
  if (!(await text(page, "h1")).includes("Message sent")) fail("the send form failed: " + (await text(page, "main")));

  // Find it by key (the index follows the commit log, so look until it is there).
  let found = false;
  for (let i = 0; i < 100 && !found; i++) {
    await open(page, "/messages?topic=FromBrowser&key=bkey");
    found = (await page.locator("main table a[href^='/messages/']").count()) > 0;
    if (!found) await page.waitForTimeout(100);
  }
  if (!found) fail("the message sent from the page was not found by its key");
  await Promise.all([page.waitForNavigation(), page.click("main table a[href^='/messages/']")]);
  const shown = await text(page, "main details pre");
  if (shown !== body) fail(`the body shows as ${JSON.stringify(shown)}`);
  if ((await page.locator("main img").count()) !== 0) fail("the body's HTML became an element");
  if (await page.evaluate(() => window.__xss)) fail("the body's script ran");
  await shot(page, "message");

  // Reset g1 to the earliest offsets: preview first, then confirm by typing the name.
  await open(page, "/groups/g1");
  await page.selectOption("form[action='/groups/g1/reset'] select[name=topic]", "Orders");
  await page.fill("form[action='/groups/g1/reset'] input[name=to]", "earliest");
  await Promise.all([page.waitForNavigation(), page.click("form[action='/groups/g1/reset'] button")]);
  if (!(await text(page, "main p")).includes("Preview: nothing has changed yet")) fail("no preview");
  await shot(page, "reset-preview");
  const confirm = page.locator("form[method=post][action='/groups/g1/reset'] input[name=confirm]");
  await confirm.fill("g1");
  await Promise.all([page.waitForNavigation(), page.click("form[method=post][action='/groups/g1/reset'] button")]);
  if (!(await text(page, "main p")).includes("Done: the offsets are reset")) fail("the reset failed: " + (await text(page, "main")));
  await shot(page, "reset-done");
}
