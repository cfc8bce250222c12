import { useEffect, useState } from 'react';

/** The time, renewed every `intervalMs`: relative times ("3 minutes ago") stay true on an open page. */
export const useNow = (intervalMs = 60_000) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
};
