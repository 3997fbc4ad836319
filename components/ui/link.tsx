import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The app's link: a client-side navigation, fetched when followed. Next's default prefetches every linked route
 * in view — on the overview, some 40 server renders of pages the reader may never open, per reader, per visit
 * (and the indicator page's code) — which a city's leaders opening the overview at once would pay for on the
 * server. On an intranet the route arrives in tens of milliseconds when it is clicked. Every page links through
 * this (tests/unit/app-link.test.ts).
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
