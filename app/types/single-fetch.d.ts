// Tells the types that Remix's single fetch is on, so loader and action data are typed as sent.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
