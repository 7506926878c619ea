package io.walletdesk.ticket;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores the label enums by their API identifiers, so the database, reports and API
 * agree.
 */
final class Converters {

	private Converters() {
	}

	@Converter
	static class StatusConverter implements AttributeConverter<TicketStatus, String> {

		@Override
		public String convertToDatabaseColumn(TicketStatus value) {
			return value == null ? null : value.id();
		}

		@Override
		public TicketStatus convertToEntityAttribute(String value) {
			return value == null ? null : TicketStatus.fromId(value);
		}

	}

	@Converter
	static class PriorityConverter implements AttributeConverter<Priority, String> {

		@Override
		public String convertToDatabaseColumn(Priority value) {
			return value == null ? null : value.id();
		}

		@Override
		public Priority convertToEntityAttribute(String value) {
			return value == null ? null : Priority.fromId(value);
		}

	}

	@Converter
	static class CategoryConverter implements AttributeConverter<Category, String> {

		@Override
		public String convertToDatabaseColumn(Category value) {
			return value == null ? null : value.id();
		}

		@Override
		public Category convertToEntityAttribute(String value) {
			return value == null ? null : Category.fromId(value);
		}

	}

	@Converter
	static class ChannelConverter implements AttributeConverter<Channel, String> {

		@Override
		public String convertToDatabaseColumn(Channel value) {
			return value == null ? null : value.id();
		}

		@Override
		public Channel convertToEntityAttribute(String value) {
			return value == null ? null : Channel.fromId(value);
		}

	}

	@Converter
	static class AuthorKindConverter implements AttributeConverter<AuthorKind, String> {

		@Override
		public String convertToDatabaseColumn(AuthorKind value) {
			return value == null ? null : value.id();
		}

		@Override
		public AuthorKind convertToEntityAttribute(String value) {
			return value == null ? null : AuthorKind.fromId(value);
		}

	}

	@Converter
	static class VisibilityConverter implements AttributeConverter<Visibility, String> {

		@Override
		public String convertToDatabaseColumn(Visibility value) {
			return value == null ? null : value.id();
		}

		@Override
		public Visibility convertToEntityAttribute(String value) {
			return value == null ? null : Visibility.fromId(value);
		}

	}

}
