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
  // {"apiBaseUrl", "cognito": {"endpoint", "region", "userPoolId", "clientId"}}
  const raw = await response.json();
  const cognito = raw.cognito ?? {};
  loaded = Object.freeze({
    adminApiBaseUrl: trimSlash(raw.apiBaseUrl),
    cognitoEndpoint: cognito.endpoint,
    region: cognito.region,
    userPoolId: cognito.userPoolId,
    clientId: cognito.clientId,
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
