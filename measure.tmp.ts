import { requestSizes } from "./test/support/request-sizes";
(async () => {
  const n = Number(process.argv[2] ?? 1000);
  const t0 = Date.now();
  const r = await requestSizes(n);
  console.log(n, "marks", r.marks, "ms", Date.now() - t0);
  console.log(JSON.stringify(r.operations));
})();
