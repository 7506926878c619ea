package io.walletdesk.ticket;

import java.util.function.Function;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores the label enums by their API identifiers, so the database, reports and API
 * agree.
 */
final class Converters {

	private Converters() {
	}

	/**
	 * JPA needs one concrete converter class per attribute type; the mapping itself is
	 * shared.
	 */
	abstract static class ById<E extends Enum<E>> implements AttributeConverter<E, String> {

		private final Function<E, String> id;

		private final Function<String, E> fromId;

		ById(Function<E, String> id, Function<String, E> fromId) {
			this.id = id;
			this.fromId = fromId;
		}

		@Override
		public String convertToDatabaseColumn(E value) {
			return value == null ? null : this.id.apply(value);
		}

		@Override
		public E convertToEntityAttribute(String value) {
			return value == null ? null : this.fromId.apply(value);
		}

	}

	@Converter
	static class StatusConverter extends ById<TicketStatus> {

		StatusConverter() {
			super(TicketStatus::id, TicketStatus::fromId);
		}

	}

	@Converter
	static class PriorityConverter extends ById<Priority> {

		PriorityConverter() {
			super(Priority::id, Priority::fromId);
		}

	}

	@Converter
	static class CategoryConverter extends ById<Category> {

		CategoryConverter() {
			super(Category::id, Category::fromId);
		}

	}

	@Converter
	static class SentimentConverter extends ById<Sentiment> {

		SentimentConverter() {
			super(Sentiment::id, Sentiment::fromId);
		}

	}

	@Converter
	static class ChannelConverter extends ById<Channel> {

		ChannelConverter() {
			super(Channel::id, Channel::fromId);
		}

	}

	@Converter
	static class AuthorKindConverter extends ById<AuthorKind> {

		AuthorKindConverter() {
			super(AuthorKind::id, AuthorKind::fromId);
		}

	}

	@Converter
	static class VisibilityConverter extends ById<Visibility> {

		VisibilityConverter() {
			super(Visibility::id, Visibility::fromId);
		}

	}

}
