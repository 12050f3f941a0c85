// The deployment's settings, generated next to the page as /admin/config.json (never built into the page).
let loaded = null;

export async function loadConfig() {
  if (loaded) {
    return loaded;
  }
  const response = await fetch('config.json', { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`config.json: ${response.status}`);
  }
  const raw = await response.json();
  loaded = Object.freeze({
    adminApiBaseUrl: trimSlash(raw.adminApiBaseUrl ?? raw.adminApiUrl ?? raw.apiBaseUrl),
    cognitoEndpoint: raw.cognitoEndpoint ?? raw.cognitoUrl,
    region: raw.region,
    userPoolId: raw.userPoolId,
    clientId: raw.clientId ?? raw.userPoolClientId,
  });
  for (const [name, value] of Object.entries(loaded)) {
    if (!value) {
      throw new Error(`config.json has no ${name}`);
    }
  }
  return loaded;
}

function trimSlash(url) {
  return url ? String(url).replace(/\/+$/, '') : url;
}
