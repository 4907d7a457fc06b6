'use strict';

/**
 * Every body the sandbox answers with, in one place. Documented bodies are copied from Kore.ai's
 * API pages (the API introduction's JWT section, its "Enforce JTI" errors, the Contact Center
 * rate-limit page); the ones marked GUESS have no source.
 */

const platformError = (msg, code) => ({ errors: [{ msg, code }] });

const bodies = {
	// Documented: bad credentials and JTI errors (JWT pages), 405, the rate-limit page's sentence.
	invalidCredentials: () => platformError('Invalid SDK credentials', 4002),
	jtiReplay: () => platformError('error verifying the jwt: possibly a replay', 401),
	jtiExpTooLong: () =>
		platformError('error verifying the jwt: if "jti" claim "exp" must be <= 1 hour(s)', 401),
	methodNotAllowed: () => platformError('Method Not Allowed', 405),
	rateLimited: () =>
		platformError(
			"You've exceeded the per-minute rate limit. Please wait for sometime before retrying.",
			429,
		),

	// GUESS: Kore.ai documents no body for these; same platform error shape.
	jtiMissing: () => platformError('error verifying the jwt: "jti" claim is required', 401),
	notFoundPath: () => platformError('Not Found', 404),
	badRequest: (msg) => platformError(msg, 400),
	notSimulated: (what) => platformError(`${what} is not simulated by the Kore.ai sandbox`, 501),
	payloadTooLarge: () => platformError('Request body too large', 413),

	// GUESS: the campaign service's own failure shape ({status:"failure", message}) is documented
	// as a possible value of `status`; the exact not-found body is unknown, hence notFoundStyle.
	campaignFailure: (message) => ({ status: 'failure', message }),
};

/** The campaign-not-found answer in the configured style. */
function campaignNotFound(style, campaignId) {
	const message = `Campaign ${campaignId} not found`;
	if (style === '400-errors') return { status: 400, body: platformError(message, 400) };
	return { status: 404, body: bodies.campaignFailure(message) };
}

const BAD_GATEWAY_HTML =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
	'<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const STATUS_TEXT = {
	502: 'Bad Gateway',
	503: 'Service Temporarily Unavailable',
	504: 'Gateway Time-out',
};

function gatewayHtml(status) {
	const text = `${status} ${STATUS_TEXT[status] || 'Error'}`;
	return BAD_GATEWAY_HTML.replace(/502 Bad Gateway/g, text);
}

function gatewayJson(status) {
	return platformError(STATUS_TEXT[status] || 'Server Error', status);
}

module.exports = { bodies, campaignNotFound, gatewayHtml, gatewayJson, platformError };
