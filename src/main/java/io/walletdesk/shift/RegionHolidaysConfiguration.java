package io.walletdesk.shift;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegionHolidaysConfiguration {

	/** One instance: loading a jollyday calendar parses its XML, so it is cached here. */
	@Bean
	RegionHolidays regionHolidays() {
		return new RegionHolidays();
	}

}
