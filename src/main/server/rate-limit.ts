/**
 * Token buckets for rate limits (join attempts, messages, commands). Time is
 * injected so tests drive it; a bucket refills continuously at `perSecond`
 * up to `burst`.
 */

export type RateLimit = { readonly burst: number; readonly perSecond: number };

/** One bucket: `take()` is true when the action may go ahead (and spends a token). */
export type Bucket = { readonly take: () => boolean };

/** Creates a bucket, full at first. */
export function createBucket(limit: RateLimit, now: () => number): Bucket {
  let tokens = limit.burst;
  let last = now();
  return {
    take: () => {
      const t = now();
      tokens = Math.min(limit.burst, tokens + ((t - last) / 1000) * limit.perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/** Buckets by key (e.g. one per remote address), bounded in number so a flood of keys cannot grow memory. */
export function createKeyedBuckets(limit: RateLimit, now: () => number, maxKeys = 1024): { readonly take: (key: string) => boolean } {
  const buckets = new Map<string, Bucket>();
  return {
    take: (key) => {
      let bucket = buckets.get(key);
      if (!bucket) {
        // Forget the oldest key; its owner gets a fresh bucket later, which only the global limit bounds.
        if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string);
        bucket = createBucket(limit, now);
        buckets.set(key, bucket);
      }
      return bucket.take();
    },
  };
}
