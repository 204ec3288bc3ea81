import type { Settings } from '../../shared/settings';

export interface SettingsProps {
  settings: Settings | null;
  update(change: (s: Settings) => Settings): Promise<void>;
}

export interface DataProps {
  /** Changes whenever packs or user data change elsewhere on the page. */
  dataVersion: number;
  onChanged(): void;
}
