/**
 * The extension point for channels: one {@link io.walletdesk.channel.spi.ChannelAdapter}
 * per kind of inbox, each in its own subpackage of {@code io.walletdesk.channel}.
 */
@NamedInterface("spi")
package io.walletdesk.channel.spi;

import org.springframework.modulith.NamedInterface;
