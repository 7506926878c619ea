package io.walletdesk.channel.email;

import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutomaticMailUnitTests {

	@Test
	void recognisesAutoRepliesListsAndBounces() throws Exception {
		assertThat(AutomaticMail.reason(with("Auto-Submitted", "auto-replied"), "a@x.test")).isPresent();
		assertThat(AutomaticMail.reason(with("Precedence", "bulk"), "a@x.test")).isPresent();
		assertThat(AutomaticMail.reason(with("List-Unsubscribe", "<mailto:u@x.test>"), "a@x.test")).isPresent();
		assertThat(AutomaticMail.reason(with("Return-Path", "<>"), "a@x.test")).isPresent();
		assertThat(AutomaticMail.reason(with("X-Other", "1"), "MAILER-DAEMON@x.test")).isPresent();
		assertThat(AutomaticMail.reason(with("X-Other", "1"), "postmaster@x.test")).isPresent();
	}

	@Test
	void answersPeople() throws Exception {
		assertThat(AutomaticMail.reason(with("Auto-Submitted", "no"), "a@x.test")).isEmpty();
		assertThat(AutomaticMail.reason(with("Return-Path", "<a@x.test>"), "a@x.test")).isEmpty();
		assertThat(AutomaticMail.reason(with("Precedence", "first-class"), "a@x.test")).isEmpty();
	}

	private static MimeMessage with(String header, String value) throws Exception {
		MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
		mail.setHeader(header, value);
		mail.setText("hello");
		mail.saveChanges();
		return mail;
	}

}
