/**
 * The in-app API: the wallet's own mobile and desktop apps send their users' messages
 * with signed requests, poll for agents' replies and optionally receive them as signed
 * webhooks.
 */
package io.walletdesk.channel.app;
