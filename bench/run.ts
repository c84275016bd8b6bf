// Benchmarks: prints the figures the README quotes. Not a test: run `npm run bench`.
// 1. Submitting applications (one transaction each: row, reference, audit, outbox).
// 2. The bureau's list page query over a large table.
// 3. Parsing amounts and splitting money (the domain's hot functions).
// Memory: the process's RSS after each step.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase, migrateToLatest } from "../app/services/db.server";
import { seedReferenceData } from "../db/seed";
import { submitApplication } from "../app/models/applications.server";
import { listAllApplications } from "../app/models/application-views.server";
import { parseAmount, splitByShares } from "../app/domain/money";

const N = Number(process.env.BENCH_APPLICATIONS ?? 5000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inwonersfonds-bench-"));
const db = openDatabase(path.join(dir, "bench.sqlite"));
await migrateToLatest(db);
await seedReferenceData(db);
const mb = () => `${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB RSS`;
const areas = ["kalsdonk", "westrand", "kroeven", "langdonk", "hulsdonk", "fatima", "centrum-oud"];

let start = performance.now();
const base = Date.parse("2027-01-01T08:00:00Z");
for (let i = 0; i < N; i++) {
  const now = new Date(base + i * 60_000);
  await submitApplication(
    db,
    {
      submissionKey: `bench-${i}`,
      name: `Bewoner ${i}`,
      email: `bewoner${i % 500}@example.org`,
      phone: null,
      areaId: areas[i % areas.length]!,
      title: `Idee ${i}`,
      description: "Samen iets doen voor de buurt, met buren van alle leeftijden.",
      factorIds: ["ontmoeting"],
      activityDate: "2027-06-01",
      participants: 20,
      amount: 50_000,
      requestedCents: 50_000,
      costLines: [],
      publicConsent: true,
    },
    {
      user: null,
      onBehalf: false,
      locale: "nl",
      now,
      settings: { fundMaxCents: 500_000, fourEyesThresholdCents: 250_000, publicUrl: "http://localhost", bureauEmail: undefined },
    },
  );
}
let ms = performance.now() - start;
console.log(`submit: ${N} applications in ${ms.toFixed(0)} ms = ${((N / ms) * 1000).toFixed(0)}/s (${(ms / N).toFixed(2)} ms each), ${mb()}`);

const rounds = 200;
start = performance.now();
for (let i = 0; i < rounds; i++) await listAllApplications(db, { page: (i % 20) + 1, pageSize: 50 });
ms = performance.now() - start;
console.log(`bureau list (50 of ${N}, with total): ${(ms / rounds).toFixed(2)} ms per page, ${mb()}`);

const inputs = ["1.250,50", "€ 1.250", "1250,5", "0,99", "1 250,50", "12.345.678,90"];
const parses = 200_000;
start = performance.now();
for (let i = 0; i < parses; i++) parseAmount(inputs[i % inputs.length]!);
ms = performance.now() - start;
console.log(`parseAmount: ${(((parses / ms) * 1000) / 1e6).toFixed(2)} M/s`);
start = performance.now();
for (let i = 0; i < parses; i++) splitByShares(123_457 + i, [80, 15, 5]);
ms = performance.now() - start;
console.log(`splitByShares (3 shares): ${(((parses / ms) * 1000) / 1e6).toFixed(2)} M/s, ${mb()}`);

await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });
