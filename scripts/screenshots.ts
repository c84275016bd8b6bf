// Takes phone (390 px) and desktop screenshots of pages, to look at them as a resident would.
// Usage: tsx scripts/screenshots.ts http://localhost:3000 /tmp/shots / /aanvragen/nieuw …
import { chromium } from "@playwright/test";

const [base = "http://localhost:3000", out = "/tmp/shots", ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
for (const [label, width, height] of [
  ["phone", 390, 844],
  ["desktop", 1280, 900],
] as const) {
  const page = await browser.newPage({ viewport: { width, height } });
  for (const p of paths.length ? paths : ["/"]) {
    await page.goto(base + p);
    const file = `${out}/${label}${p.replace(/[^a-z0-9]+/gi, "_")}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
