"use client";

import { Anchor, AppShell, Badge, Burger, Group, NavLink, Text, Title, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

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

export function AppFrame({ appTitle, skipLabel, navLabel, nav, userLine, roleLine, banner, playground, controls, children }: AppFrameProps) {
  const [opened, { toggle }] = useDisclosure();
  const pathname = usePathname();
  return (
    <>
      <Anchor href="#main" className="skip-link" style={skipLinkStyle}>
        {skipLabel}
      </Anchor>
      <AppShell
        header={{ height: 60 + (banner ? 28 : 0) + (playground ? 44 : 0) }}
        styles={playground ? { main: { boxShadow: "inset 0 0 0 6px var(--mantine-color-orange-5)" } } : undefined} navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          {playground && (
            <Group h={44} px="md" justify="space-between" wrap="nowrap" bg="orange.6" c="white" role="region" aria-label={playground.text}>
              <Text fw={700} size="sm" lineClamp={1}>
                {playground.text}
              </Text>
              {playground.controls}
            </Group>
          )}
          {banner && (
            <Text ta="center" size="sm" bg="yellow.2" py={4} role="note">
              {banner}
            </Text>
          )}
          <Group h={60} px="md" justify="space-between" wrap="nowrap">
            <Group wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={navLabel} />
              <Title order={2} size="h4">
                <Link href="/" style={{ color: "inherit", textDecoration: "none" }}>
                  {appTitle}
                </Link>
              </Title>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <div>
                <Text size="sm" fw={600}>
                  {userLine}
                </Text>
                <Badge variant="light" size="sm">
                  {roleLine}
                </Badge>
              </div>
              {controls}
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={navLabel}>
          <VisuallyHidden component="h2">{navLabel}</VisuallyHidden>
          {nav.map((item) => {
            const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
            return (
              <NavLink key={item.href} component={Link} href={item.href} label={item.label} active={active}
                aria-current={active ? "page" : undefined} />
            );
          })}
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          {children}
        </AppShell.Main>
      </AppShell>
    </>
  );
}

const skipLinkStyle = {
  position: "absolute",
  left: 8,
  top: -48,
  zIndex: 1000,
  background: "white",
  padding: "8px 12px",
} as const;
