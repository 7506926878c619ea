/**
 * The signed webhook channel: any other platform connects through a small bridge that
 * posts its customers' messages with HMAC-signed requests and receives replies as signed
 * webhooks.
 */
package io.walletdesk.channel.webhook;
