package io.walletdesk.customer.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.CustomerView;
import io.walletdesk.customer.NewCustomer;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class CustomersApi {

	private final CustomerManagement customers;

	CustomersApi(CustomerManagement customers) {
		this.customers = customers;
	}

	@PostMapping
	@Operation(summary = "Create a customer")
	ResponseEntity<CustomerView> create(@Valid @RequestBody NewCustomer request) {
		CustomerView customer = this.customers.create(request);
		return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id())).body(customer);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A customer (a merged record forwards to the survivor)")
	CustomerView get(@PathVariable UUID id) {
		return this.customers.get(id);
	}

	@GetMapping("/{id}/wallet-addresses")
	@Operation(summary = "Wallet addresses known for a customer")
	List<String> walletAddresses(@PathVariable UUID id) {
		return this.customers.walletAddresses(this.customers.get(id).id());
	}

	@GetMapping
	@Operation(summary = "List or search customers by name or identity")
	Page<CustomerView> list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 200) {
			throw new InvalidInputException("limit", "must be between 1 and 200");
		}
		return this.customers.list(q, cursor, limit);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Update a customer's profile or add identities")
	CustomerView update(@PathVariable UUID id, @Valid @RequestBody UpdateCustomerRequest request) {
		CustomerView updated = this.customers.update(id, request.displayName(), request.preferredLanguage(),
				request.timeZone(), request.tier(), request.notes(), request.addIdentities());
		if (request.addWalletAddresses() != null) {
			this.customers.addWalletAddresses(id, request.addWalletAddresses());
		}
		return updated;
	}

	@PostMapping("/{id}/merge")
	@Operation(summary = "Merge another customer into this one")
	CustomerView merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
		return this.customers.merge(id, request.mergeId());
	}

	record UpdateCustomerRequest(@Size(min = 1, max = 200) String displayName, @Size(max = 16) String preferredLanguage,
			@Size(max = 64) String timeZone, @Size(max = 20) String tier, @Size(max = 10000) String notes,
			@Valid List<NewCustomer.IdentityInput> addIdentities, @Size(max = 50) List<String> addWalletAddresses) {
	}

	record MergeRequest(@NotNull UUID mergeId) {
	}

}
