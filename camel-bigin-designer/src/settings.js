import { SettingsModel } from '@kaoto/kaoto-esm/models/settings/settings.model.js';

const KEY = 'camel-bigin-designer-settings';

/** Kaoto's settings kept in the browser's local storage (Kaoto's package has only an in-memory adapter). */
export class LocalStorageSettingsAdapter {
  constructor(catalogUrl) {
    let saved = {};
    try {
      saved = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    } catch {
      saved = {};
    }
    this.settings = new SettingsModel({ ...saved, catalogUrl });
  }

  getSettings() {
    return this.settings;
  }

  saveSettings(settings) {
    Object.assign(this.settings, settings);
    localStorage.setItem(KEY, JSON.stringify(this.settings));
  }
}
