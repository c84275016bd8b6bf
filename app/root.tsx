import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import stylesheet from "~/styles/app.css";
import { getLocale } from "~/services/locale.server";
import { getUser } from "~/services/auth.server";
import { can } from "~/domain/permissions";
import { actorOf } from "~/services/auth.server";
import { useT } from "~/i18n/use-t";
import { isLocale, translate, type Locale } from "~/i18n/translate";
import { ERROR_TITLES, ErrorMessage } from "~/components/error-page";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Pages set their own title; this one serves the home page default and every error page.
export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const locale = isLocale(data?.locale) ? data.locale : "nl";
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = error ? `${translate(locale, ERROR_TITLES[status] ?? "error.title")} – ${translate(locale, "app.name")}` : translate(locale, "app.name");
  return [{ title }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [locale, user] = await Promise.all([getLocale(request), getUser(request)]);
  const actor = actorOf(user);
  return {
    locale,
    // The page's Content-Security-Policy nonce (server.js), for the scripts Remix writes inline.
    nonce: typeof context.cspNonce === "string" ? context.cspNonce : undefined,
    // The request's short id (server.js), shown on the error page so the helpdesk finds the log line.
    traceId: typeof context.traceId === "string" ? context.traceId : undefined,
    user: user
      ? {
          email: user.email,
          bureau: can(actor, "bureau.access").allowed,
        }
      : null,
  };
}

type RootData = Awaited<ReturnType<typeof loader>>;

function Header() {
  const t = useT();
  const data = useRouteLoaderData<RootData>("root");
  const location = useLocation();
  const other: Locale = data?.locale === "en" ? "nl" : "en";
  const back = encodeURIComponent(location.pathname + location.search);
  return (
    <header className="site-header">
      <div className="wrap site-header-inner">
        <Link to="/" className="brand">
          <span className="brand-name">{t("app.name")}</span>
          <span className="brand-tagline">{t("app.tagline")}</span>
        </Link>
        <nav aria-label={t("nav.main")} className="site-nav">
          <ul>
            <li>
              <Link to="/aanvragen/nieuw">{t("nav.apply")}</Link>
            </li>
            {data?.user ? (
              <>
                <li>
                  <Link to="/mijn-aanvragen">{t("nav.myApplications")}</Link>
                </li>
                {data.user.bureau ? (
                  <li>
                    <Link to="/beheer/aanvragen">{t("nav.bureau")}</Link>
                  </li>
                ) : null}
                <li>
                  <Form method="post" action="/uitloggen" className="inline-form">
                    <button type="submit" name="intent" value="here" className="link-button">
                      {t("nav.signOut")}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <li>
                <Link to="/inloggen">{t("nav.signIn")}</Link>
              </li>
            )}
            <li>
              <a href={`/taal/${other}?terug=${back}`} lang={other} hrefLang={other} aria-label={t("nav.languageLabel")}>
                {t("nav.language")}
              </a>
            </li>
          </ul>
        </nav>
      </div>
      {data?.user ? (
        <p className="wrap signed-in">
          {t("nav.signedInAs", { email: data.user.email })} · <Link to="/uitloggen">{t("security.signOut.allLink")}</Link>
        </p>
      ) : null}
    </header>
  );
}

function Footer() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p>{t("footer.help")}</p>
        <p>{t("footer.text")}</p>
      </div>
    </footer>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const t = useT();
  return (
    <html lang={data?.locale ?? "nl"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#inhoud" className="skip-link">
          {t("nav.skip")}
        </a>
        <Header />
        <main id="inhoud" className="wrap main" tabIndex={-1}>
          {children}
        </main>
        <Footer />
        <ScrollRestoration nonce={data?.nonce} />
        <Scripts nonce={data?.nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // Runs after React has committed the hydrated page: from here on every form is React's, which
  // the browser tests wait for (a fiber key on a node appears earlier, before its handlers work).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const traceId = useRouteLoaderData<RootData>("root")?.traceId;
  return <ErrorMessage status={isRouteErrorResponse(error) ? error.status : 500} traceId={traceId} />;
}
