// Browsers ask for /favicon.ico by habit; answer with the SVG icon instead of a 404.
export function loader() {
  return new Response(null, { status: 301, headers: { Location: "/favicon.svg", "Cache-Control": "public, max-age=86400" } });
}
