package io.walletdesk.channel;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.walletdesk.channel.spi.ChannelAdapter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The adapters present in this build, by kind.
 */
@Component
class ChannelAdapters {

	private final Map<String, ChannelAdapter> byKind;

	ChannelAdapters(ObjectProvider<ChannelAdapter> adapters) {
		this.byKind = adapters.orderedStream().collect(Collectors.toMap(ChannelAdapter::id, Function.identity()));
	}

	Optional<ChannelAdapter> forKind(String kind) {
		return Optional.ofNullable(this.byKind.get(kind));
	}

	Set<String> kinds() {
		return new TreeSet<>(this.byKind.keySet());
	}

}
