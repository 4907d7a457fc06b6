import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { checkCredentialValues, REFUSED_TOKEN_ADVICE } from './koreAiCredentialValues';
import { DEFAULT_HOST } from './koreAiHost';
import { signKoreAiJwt } from './koreAiJwt';

export class KoreAiApi implements ICredentialType {
	name = 'koreAiApi';

	displayName = 'Kore.ai API';

	icon: Icon = { light: 'file:../icons/koreai.svg', dark: 'file:../icons/koreai.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-kore-ai/n8n-nodes-kore-ai#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment URL',
			name: 'host',
			type: 'string',
			default: DEFAULT_HOST,
			placeholder: DEFAULT_HOST,
			required: true,
			description:
				"Your Kore.ai region's platform URL: https://platform.kore.ai (US), https://de-platform.kore.ai (Germany), https://jp-platform.kore.ai (Japan), older bots.kore.ai hosts, or your on-premises host. Only the host is used; a trailing slash or a pasted page path is ignored.",
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			placeholder: '67777ce93e25326494xxxxx',
			required: true,
			description:
				"Your Kore.ai account ID (24 characters). It appears in the platform's URLs and on the Web/Mobile Client channel page.",
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			placeholder: 'st-0603182c-7ffb-53c3-b307-47ca14bxxxxx',
			required: true,
			description:
				"The app's ID (Bot ID / Stream ID, starts with st-), from App Settings > General Settings. Sent as the iid header and used as the stream ID in request paths.",
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			placeholder: 'cs-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
			required: true,
			description:
				'Client ID of the JWT app created under App Settings > Dev Tools > Web/Mobile SDK. The app needs the Campaign Management API scope, published.',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Client Secret of the same JWT app. It never leaves n8n: the node signs a short-lived token with it for every request.',
		},
		{
			displayName: 'Signing Algorithm',
			name: 'algorithm',
			type: 'options',
			options: [
				{ name: 'HS256 (Default)', value: 'HS256' },
				{ name: 'HS512', value: 'HS512' },
			],
			default: 'HS256',
			description:
				'The JWT signing algorithm set on your JWT app in Kore.ai. API-scope apps use HS256.',
		},
	];

	/**
	 * Every request gets a freshly signed token (new `jti`, five-minute `exp`) plus the `iid` and
	 * `accountId` headers. This is also the one place where the Environment URL is normalised and
	 * plain http to a non-loopback host is refused, so the node and the credential test agree.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const checked = checkCredentialValues(credentials);
		if ('problem' in checked) throw new Error(checked.problem);
		const { values } = checked;
		const token = signKoreAiJwt(values);
		return {
			...requestOptions,
			...(requestOptions.baseURL !== undefined ? { baseURL: values.origin } : {}),
			headers: {
				...requestOptions.headers,
				auth: token,
				iid: values.appId,
				accountId: values.accountId,
			},
		};
	}

	// A read-only call: list one SMS campaign of the app. It needs the same token, headers and
	// Campaign Management scope as every operation of the node.
	//
	// n8n (1.123 and 2.41, CredentialsTester) words only HTTP answers through these rules; when no
	// answer comes it shows the bare network code (ECONNREFUSED: nothing listens there; EPROTO: https
	// to a plain-http host, e.g. a URL without a scheme; ENOTFOUND: unknown host), and 1.123 shows its
	// own "Authorization failed" for a 401. A node's `credentialTest` method (`testedBy`) could word
	// those too, but n8n gives such a method only `this.helpers.request`, which n8n's community lint
	// refuses (no-deprecated-workflow-functions). The README's Credentials section explains the codes;
	// the node itself words them at run time (transport/errors.ts).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.host}}',
			url: '=/campaign/api/v2/public/{{String($credentials.appId).trim()}}/campaign/getAllCampaignDetails',
			method: 'POST',
			qs: { accountId: '={{String($credentials.accountId).trim()}}' },
			body: { type: 'sms', limit: 1, skip: 0 },
			headers: { 'Content-Type': 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: `Kore.ai refused the signed token (HTTP 401). ${REFUSED_TOKEN_ADVICE}`,
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Kore.ai accepted the token but denied access. Give the JWT app the Campaign Management API scope and publish the app.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						"Something answers at this Environment URL, but not Kore.ai's campaign API (HTTP 404). Check the Environment URL: your region's platform, e.g. https://platform.kore.ai.",
				},
			},
		],
	};
}
