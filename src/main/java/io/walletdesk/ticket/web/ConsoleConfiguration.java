package io.walletdesk.ticket.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the inbox navigation for every console page.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

	private final InboxNavigation navigation;

	ConsoleConfiguration(InboxNavigation navigation) {
		this.navigation = navigation;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.navigation).excludePathPatterns("/api/**", "/login/**");
	}

}
