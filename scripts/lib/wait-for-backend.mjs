// Waits until the backend answers its health check and the catalog has
// ingested the demo, so end-to-end tests never race the start-up.
const base = process.argv[2] ?? 'http://localhost:7007';
const deadline = Date.now() + 240_000;

async function ready() {
  const health = await fetch(`${base}/api/platform-adoption/health`);
  if (!health.ok) return false;
  const auth = await fetch(`${base}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!auth.ok) return false;
  const token = (await auth.json()).backstageIdentity.token;
  const res = await fetch(`${base}/api/catalog/entities/by-query?limit=1&filter=kind=component`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return res.ok && (await res.json()).items.length > 0;
}

while (Date.now() < deadline) {
  try {
    if (await ready()) {
      console.log(`backend ready at ${base}`);
      process.exit(0);
    }
  } catch {
    // not listening yet
  }
  await new Promise(r => setTimeout(r, 2000));
}
console.error(`backend at ${base} did not become ready within 240 s`);
process.exit(1);
