'use strict';

/**
 * Every request the probe sends, each from its Kore.ai page (Koredotcom/docs-v2, folder
 * `ai-for-service/apis/contact-center/`), as `{ method, path, query, body }` below the host. The
 * client (client.js) adds the three documented headers (`auth`, `iid`, `accountId`) and
 * `Content-Type: application/json` when there is a body.
 *
 * Where the probe deliberately leaves a page (the questions it asks), the function says so; every
 * other request follows its page exactly, so the answers are about the question and nothing else.
 */

const V2 = '/campaign/api/v2/public';
const enc = encodeURIComponent;

/** create-contact-list-v2.mdx: name (<= 48), description, source "passiveApi", allowDuplicates. */
function createContactList(app, name, description) {
	return {
		method: 'POST',
		path: `${V2}/${enc(app.appId)}/campaign/contactList/createContactList`,
		query: { accountId: app.accountId },
		body: { name, description, source: 'passiveApi', allowDuplicates: false },
	};
}

/** add-contacts-to-contact-list.mdx: the one endpoint under `/api/1.1/public/{iid}`, no query; asynchronous ("in progress"). */
function addContacts(app, listName, phoneNumbers) {
	return {
		method: 'POST',
		path: `/api/1.1/public/${enc(app.appId)}/campaign/contactList/addContacts`,
		query: {},
		body: {
			contact_list_name: listName,
			data: phoneNumbers.map((phoneNumber) => ({ phoneNumber })),
		},
	};
}

/**
 * get-all-contacts-of-a-contactlist-v2.mdx: the page documents only `accountId`; `paging` adds the
 * `skip`/`limit` its answer names (the contactsPaging question).
 */
function getContacts(app, listId, paging) {
	return {
		method: 'GET',
		path: `${V2}/${enc(app.appId)}/campaign/contactList/${enc(listId)}/getAllContacts`,
		query: {
			accountId: app.accountId,
			...(paging ? { skip: String(paging.skip), limit: String(paging.limit) } : {}),
		},
	};
}

/** get-contact-list-details-v2.mdx. */
function getContactList(app, listId) {
	return {
		method: 'GET',
		path: `${V2}/${enc(app.appId)}/campaign/contactList/${enc(listId)}`,
		query: { accountId: app.accountId },
	};
}

/** delete-contact-list-details-v2.mdx. */
function deleteContactList(app, listId) {
	return {
		method: 'DELETE',
		path: `${V2}/${enc(app.appId)}/campaign/contactList/${enc(listId)}`,
		query: { accountId: app.accountId },
	};
}

/** create-sms-campaign-without-template-v2.mdx: the simple format, every field its table marks required. */
function createSmsCampaign(app, body) {
	return {
		method: 'POST',
		path: `${V2}/${enc(app.appId)}/campaign`,
		query: { accountId: app.accountId, campaignType: 'sms' },
		body,
	};
}

/** get-sms-campaign-by-id-v2.mdx: no campaignType. */
function getCampaign(app, campaignId) {
	return {
		method: 'GET',
		path: `${V2}/${enc(app.appId)}/campaign/${enc(campaignId)}`,
		query: { accountId: app.accountId },
	};
}

/**
 * update-sms-campaign-v2.mdx. The page shows the complete body and does not say whether a PUT
 * merges or replaces; the probe sends a body that leaves one nested field out on purpose (the
 * updateMerges question, steps/updateMerges.js).
 */
function updateSmsCampaign(app, campaignId, body) {
	return {
		method: 'PUT',
		path: `${V2}/${enc(app.appId)}/campaign/${enc(campaignId)}`,
		query: { accountId: app.accountId, campaignType: 'sms' },
		body,
	};
}

/** delete-sms-campaign-v2.mdx. */
function deleteSmsCampaign(app, campaignId) {
	return {
		method: 'DELETE',
		path: `${V2}/${enc(app.appId)}/campaign/${enc(campaignId)}`,
		query: { accountId: app.accountId, campaignType: 'sms' },
	};
}

/**
 * A stop with `{}`, as the stop pages send it. stop-sms-campaign-v2.mdx writes `campaign//trigger`,
 * stop-voice-campaign-v2.mdx `campaign/trigger` under the prefix `/api/v2/public/` (every other
 * page: `/campaign/api/v2/public/`). `prefix` and `doubleSlash` pick the variant being asked about.
 */
function stopCampaign(app, campaignId, { prefix, doubleSlash, campaignType }) {
	return {
		method: 'POST',
		path: `${prefix}/${enc(app.appId)}/campaign/${doubleSlash ? '/' : ''}trigger/${enc(campaignId)}`,
		query: { accountId: app.accountId, campaignType, trigger: 'stop' },
		body: {},
	};
}

/**
 * get-all-contact-details-voice-campaigns-v2.mdx: a voice page; asked for an SMS campaign (the
 * smsResults question). The page shows no accountId; the probe sends it as the node does.
 */
function campaignResults(app, campaignId) {
	return {
		method: 'POST',
		path: `${V2}/${enc(app.appId)}/campaign/${enc(campaignId)}/status`,
		query: { view: 'contacts', accountId: app.accountId },
		body: { page: 1, limit: 10 },
	};
}

module.exports = {
	V2,
	VOICE_PAGE_PREFIX: '/api/v2/public',
	createContactList,
	addContacts,
	getContacts,
	getContactList,
	deleteContactList,
	createSmsCampaign,
	getCampaign,
	updateSmsCampaign,
	deleteSmsCampaign,
	stopCampaign,
	campaignResults,
};
