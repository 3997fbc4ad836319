/** Session rules (等保2.0): idle timeout 30 minutes, absolute lifetime 12 hours. */
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60;
/** Sign-in lockout: 5 failures within 15 minutes lock the account for 30 minutes. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_WINDOW_SECONDS = 15 * 60;
export const LOCKOUT_DURATION_SECONDS = 30 * 60;
/** Per-address throttle: at most this many failures per address in the window. */
export const ADDRESS_FAILURE_LIMIT = 20;
