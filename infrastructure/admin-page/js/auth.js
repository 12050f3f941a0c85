// Cognito sign-in (InitiateAuth, USER_PASSWORD_AUTH) straight from the browser; the tokens live in
// sessionStorage (gone with the tab), never in a cookie or localStorage.
const SESSION_KEY = 'damagedesk.session';
const EXPIRY_MARGIN_MS = 30_000;

export class SignInError extends Error {
  constructor(kind, detail) {
    super(kind);
    this.kind = kind; // 'failed' | 'unreachable' | 'challenge'
    this.detail = detail;
  }
}

export async function signIn(config, username, password) {
  let response;
  try {
    response = await fetch(config.cognitoEndpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: config.clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    });
  } catch (networkError) {
    throw new SignInError('unreachable');
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new SignInError(response.status >= 500 ? 'unreachable' : 'failed', body.__type);
  }
  if (body.ChallengeName || !body.AuthenticationResult) {
    throw new SignInError('challenge', body.ChallengeName || 'unknown');
  }
  const result = body.AuthenticationResult;
  const claims = claimsOf(result.AccessToken);
  const session = {
    accessToken: result.AccessToken,
    idToken: result.IdToken,
    // the name the person signed in with (a pool may name its users by an opaque id)
    signInName: username,
    username: claims?.username || username,
    expiresAt: claims?.exp ? claims.exp * 1000 : Date.now() + (result.ExpiresIn || 3600) * 1000,
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return session;
}

/** The signed-in session, or null when there is none or its token has expired. */
export function currentSession() {
  let session = null;
  try {
    session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
  } catch (corrupt) {
    session = null;
  }
  if (!session || typeof session.accessToken !== 'string') {
    return null;
  }
  return session;
}

export function isExpired(session) {
  return !session || Date.now() >= session.expiresAt - EXPIRY_MARGIN_MS;
}

export function signOut() {
  sessionStorage.removeItem(SESSION_KEY);
}

/** The payload of a JWT, decoded for display and expiry only: the API verifies the signature. */
export function claimsOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(payload), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch (malformed) {
    return null;
  }
}
