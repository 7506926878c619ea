package io.walletdesk.customer;

import java.util.UUID;

import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An identity a channel verified joins the customer's channel identities into one person.
 */
@WalletDeskIntegrationTest
class VerifiedIdentityIntegrationTests {

	@Autowired
	CustomerManagement customers;

	@Test
	void aNewVerifiedIdentityIsAddedToTheCustomer() {
		String user = "app-" + UUID.randomUUID();
		UUID appCustomer = this.customers.identify(IdentityKind.APP_USER, user, "Wang", "zh");
		String email = "wang." + UUID.randomUUID() + "@example.cn";

		assertThat(this.customers.linkVerified(appCustomer, IdentityKind.EMAIL, email)).isEqualTo(appCustomer);
		assertThat(this.customers.findByIdentity(IdentityKind.EMAIL, email.toUpperCase())).contains(appCustomer);
		// Linking again changes nothing.
		assertThat(this.customers.linkVerified(appCustomer, IdentityKind.EMAIL, email)).isEqualTo(appCustomer);
	}

	@Test
	void aVerifiedIdentityOfAnotherCustomerMergesTheTwoIntoThatCustomer() {
		String email = "li." + UUID.randomUUID() + "@example.cn";
		UUID emailCustomer = this.customers.identify(IdentityKind.EMAIL, email, "Li", "zh");
		this.customers.addWalletAddresses(emailCustomer,
				java.util.List.of("0x52908400098527886E0F7030069857D2E4169EE7"));
		String user = "app-" + UUID.randomUUID();
		UUID appCustomer = this.customers.identify(IdentityKind.APP_USER, user, "Li (app)", "zh");
		this.customers.addWalletAddresses(appCustomer, java.util.List.of("TJRabPrwbZy45sbavfcjinPJC18kjpRTv8"));

		UUID survivor = this.customers.linkVerified(appCustomer, IdentityKind.EMAIL, email);

		assertThat(survivor).isEqualTo(emailCustomer);
		assertThat(this.customers.findByIdentity(IdentityKind.APP_USER, user)).contains(emailCustomer);
		assertThat(this.customers.walletAddresses(emailCustomer)).contains("0x52908400098527886E0F7030069857D2E4169EE7",
				"TJRabPrwbZy45sbavfcjinPJC18kjpRTv8");
		assertThat(this.customers.identify(IdentityKind.APP_USER, user, null, null)).isEqualTo(emailCustomer);
	}

	@Test
	void aBlankIdentityIsRefused() {
		UUID customer = this.customers.identify(IdentityKind.APP_USER, "app-" + UUID.randomUUID(), null, null);
		assertThatThrownBy(() -> this.customers.linkVerified(customer, IdentityKind.PHONE, " "))
			.isInstanceOf(InvalidInputException.class);
	}

}
