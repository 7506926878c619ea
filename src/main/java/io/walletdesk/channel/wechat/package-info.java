/**
 * WeChat official accounts: verified message pushes (plaintext and safe mode) become
 * conversations, replies go out through the customer-service message API.
 */
package io.walletdesk.channel.wechat;
