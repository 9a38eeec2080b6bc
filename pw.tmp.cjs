const { chromium } = require("playwright-core");
(async () => {
  const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu"] });
  const ctx = await b.newContext({ ignoreHTTPSErrors: true });
  const page = await ctx.newPage();
  const errs = [];
  page.on("console", (m) => m.type() === "error" && errs.push(m.text()));
  page.on("pageerror", (e) => errs.push(String(e)));
  await ctx.route("**/*", (r) => new URL(r.request().url()).hostname === "localhost" ? r.continue() : r.abort());
  await page.goto(process.argv[2]);
  await page.waitForTimeout(4000);
  console.log(errs.join("\n").slice(0, 3000));
  console.log("ROOT:", (await page.innerText("#root")).slice(0, 300));
  await b.close();
})();
