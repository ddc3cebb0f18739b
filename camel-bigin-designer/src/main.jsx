// A host for Kaoto's Design page, as Kaoto's own VS Code editor composes it (KaotoEditorApp), without VS Code: the
// settings in local storage, the file in memory, and window.kaotoDesigner to set the YAML and read what Kaoto wrote.
import '@patternfly/react-core/dist/styles/base.css';
import { createRef, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { KaotoBridge } from '@kaoto/kaoto-esm/multiplying-architecture/Bridge/KaotoBridge.js';
import { SourceCodeBridgeProvider } from '@kaoto/kaoto-esm/multiplying-architecture/Bridge/SourceCodeBridgeProvider.js';
import { kaotoEditorRouter } from '@kaoto/kaoto-esm/multiplying-architecture/KaotoEditorRouter.js';
import { CatalogLoaderProvider } from '@kaoto/kaoto-esm/providers/catalog.provider.js';
import { EntitiesProvider } from '@kaoto/kaoto-esm/providers/entities.provider.js';
import { ReloadProvider } from '@kaoto/kaoto-esm/providers/reload.provider.js';
import { RuntimeProvider } from '@kaoto/kaoto-esm/providers/runtime.provider.js';
import { SettingsProvider } from '@kaoto/kaoto-esm/providers/settings.provider.js';
import { SourceCodeProvider } from '@kaoto/kaoto-esm/providers/source-code.provider.js';
import { LocalStorageSettingsAdapter } from './settings.js';

const FILE = 'route.camel.yaml';
const settings = new LocalStorageSettingsAdapter(new URL('catalog/index.json', window.location.href).toString());
const editor = createRef();
const metadata = new Map();

window.kaotoDesigner = {
  content: '',
  /** Opens YAML in the designer, as an editor opens a file. */
  setContent: (yaml) => editor.current.setContent(FILE, yaml),
  /** The YAML as Kaoto last wrote it. */
  getContent: () => editor.current.getContent(),
};

async function selectCatalog() {
  // Kaoto picks a stock Red Hat "Main" catalog by itself; ours is the only one, so it is chosen here
  const library = await (await fetch(settings.getSettings().catalogUrl)).json();
  localStorage.setItem('selectedCatalog', JSON.stringify(library.definitions[0]));
}

const noop = async () => undefined;

selectCatalog().then(() => {
  createRoot(document.getElementById('root')).render(
    <StrictMode>
      <ReloadProvider>
        <SettingsProvider adapter={settings}>
          <SourceCodeProvider>
            <SourceCodeBridgeProvider ref={editor} onNewEdit={(yaml) => (window.kaotoDesigner.content = yaml)}>
              <RuntimeProvider catalogUrl={settings.getSettings().catalogUrl}>
                <CatalogLoaderProvider>
                  <EntitiesProvider fileExtension=".camel.yaml">
                    <KaotoBridge
                      channelType="VSCODE"
                      onReady={() => (window.kaotoDesigner.ready = true)}
                      setNotifications={() => undefined}
                      onStateControlCommandUpdate={() => undefined}
                      getMetadata={async (key) => metadata.get(key)}
                      setMetadata={async (key, value) => void metadata.set(key, value)}
                      getResourceContent={noop}
                      saveResourceContent={noop}
                      deleteResource={async () => false}
                      askUserForFileSelection={noop}
                      getSuggestions={async () => []}
                      shouldSaveSchema={false}
                      onStepUpdated={noop}
                    >
                      <RouterProvider router={kaotoEditorRouter} />
                    </KaotoBridge>
                  </EntitiesProvider>
                </CatalogLoaderProvider>
              </RuntimeProvider>
            </SourceCodeBridgeProvider>
          </SourceCodeProvider>
        </SettingsProvider>
      </ReloadProvider>
    </StrictMode>,
  );
});
