// Settings as Preact state: loaded once, kept in step with changes made anywhere (another page, the
// keyboard command), and written straight away through updateSettings.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Settings } from '../shared/settings';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store';

export function useSettings(): [Settings | null, (change: (s: Settings) => Settings) => Promise<void>, string | null] {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    loadSettings().then(setSettings, (e) => setError(String(e?.message ?? e)));
    onSettingsChanged(setSettings, ac.signal);
    return () => ac.abort();
  }, []);
  const update = useCallback(async (change: (s: Settings) => Settings) => {
    try {
      setSettings(await updateSettings(change));
    } catch (e) {
      setError(String((e as Error)?.message ?? e));
    }
  }, []);
  return [settings, update, error];
}
