"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type CSSProperties, type ReactNode } from "react";
import classes from "./app-frame.module.css";

export interface NavItem {
  href: string;
  label: string;
}

interface AppFrameProps {
  appTitle: string;
  skipLabel: string;
  navLabel: string;
  nav: NavItem[];
  userLine: string;
  roleLine: string;
  banner?: string;
  /** Set while the user works in a playground: an unmistakable bar on every page. */
  playground?: { text: string; controls: ReactNode };
  /** Server-rendered controls: language switch and sign-out form. */
  controls: ReactNode;
  children: ReactNode;
}

const NAV_ID = "app-navigation";

/**
 * Header, navigation and main area of every screen. A client component only for the two things that
 * need the browser: which link is the current page (the layout is not rendered again on navigation)
 * and the menu button on narrow screens. Plain elements, see app-frame.module.css.
 */
export function AppFrame({ appTitle, skipLabel, navLabel, nav, userLine, roleLine, banner, playground, controls, children }: AppFrameProps) {
  const [opened, setOpened] = useState(false);
  const pathname = usePathname();
  const headerHeight = 60 + (banner ? 28 : 0) + (playground ? 44 : 0);
  const user = (
    <>
      <p className={classes.userName}>{userLine}</p>
      <span className={classes.role}>{roleLine}</span>
    </>
  );
  return (
    <div
      className={classes.frame}
      style={{ "--frame-header-height": `${headerHeight}px` } as CSSProperties}
      data-nav-open={opened ? "" : undefined}
      data-playground={playground ? "" : undefined}
    >
      <a href="#main" className={classes.skip}>
        {skipLabel}
      </a>
      <header className={classes.header}>
        {playground && (
          <div className={classes.playground} role="region" aria-label={playground.text}>
            <p className={classes.playgroundText}>{playground.text}</p>
            {playground.controls}
          </div>
        )}
        {banner && (
          <p className={classes.banner} role="note">
            {banner}
          </p>
        )}
        <div className={classes.bar}>
          <div className={classes.group}>
            <button
              type="button"
              className={classes.burger}
              aria-label={navLabel}
              aria-expanded={opened}
              aria-controls={NAV_ID}
              onClick={() => setOpened((open) => !open)}
            >
              <span />
              <span />
              <span />
            </button>
            <h2 className={classes.title}>
              <Link href="/" className={classes.titleLink}>
                {appTitle}
              </Link>
            </h2>
          </div>
          <div className={classes.controls}>
            <div className={classes.user}>{user}</div>
            {controls}
          </div>
        </div>
      </header>
      <nav id={NAV_ID} className={classes.navbar} aria-label={navLabel}>
        <h2 className={classes.visuallyHidden}>{navLabel}</h2>
        {/* On narrow screens the header has room only for the controls: who is signed in shows here. */}
        <div className={classes.navUser}>{user}</div>
        <ul className={classes.navList}>
          {nav.map((item) => {
            const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
            return (
              <li key={item.href}>
                <Link href={item.href} className={classes.navLink} aria-current={active ? "page" : undefined} onClick={() => setOpened(false)}>
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" className={classes.main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
