/**
 * The parts of a long page below its first screen wait for the browser's first frame, so that the first screen is
 * styled, laid out and painted without them: the overview's seven areas and its ranking are 590 of its 850
 * elements, and holding them out takes 20–48 ms off its first paint (scripts/bench/README.md).
 *
 * The stylesheet holds every part marked BELOW_FIRST_SCREEN with `content-visibility: hidden` (its height
 * reserved) until <html> carries FIRST_FRAME_ATTRIBUTE. FIRST_FRAME_SCRIPT, at the end of every page's body (the
 * root layout), sets it once the first frame has been shown — its paint entry — or after a second at the latest
 * (a tab opened in the background paints nothing). The attribute stays for the life of the document, so a page
 * reached by a link within the app shows them at once. Without scripts, the <noscript> rule shows them; in a
 * browser without `content-visibility` there is nothing to hide.
 *
 * The script sits at the end of the body on purpose: an inline script waits for the stylesheet, and one placed
 * before the page's content would let the first frame be painted with part of it.
 */

/**
 * Spread on one block below the first screen, the last on the page: nothing in it may move when it is shown, since
 * Chromium counts a held-out element that moves as a layout shift of its whole box (0.91 when the overview's ranking
 * was held out on its own below the areas).
 */
export const BELOW_FIRST_SCREEN = { 'data-below-first-screen': '' } as const;

/** The two attributes, as app/globals.css names them (a stylesheet cannot import them). */
const [BELOW_FIRST_SCREEN_ATTRIBUTE] = Object.keys(BELOW_FIRST_SCREEN);
const FIRST_FRAME_ATTRIBUTE = 'data-first-frame';

export const FIRST_FRAME_SCRIPT = `(function(){var d=document.documentElement;function s(){d.setAttribute('${FIRST_FRAME_ATTRIBUTE}','')}setTimeout(s,1e3);try{new PerformanceObserver(s).observe({type:'paint',buffered:true})}catch(e){s()}})()`;

export const NO_SCRIPT_STYLE = `[${BELOW_FIRST_SCREEN_ATTRIBUTE}]{content-visibility:visible!important}`;
