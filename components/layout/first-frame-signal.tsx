import { headers } from 'next/headers';
import { FIRST_FRAME_SCRIPT, NO_SCRIPT_STYLE } from './below-first-screen';

/**
 * Tells the stylesheet that the first frame has been shown (below-first-screen.ts says why). Rendered last in
 * every page's body, with the request's CSP nonce (proxy.ts; the stand-in one in the overview's shared rendering).
 */
export async function FirstFrameSignal() {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: FIRST_FRAME_SCRIPT }} />
      <noscript>
        <style>{NO_SCRIPT_STYLE}</style>
      </noscript>
    </>
  );
}
