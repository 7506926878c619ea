package io.walletdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module boundaries honest and draws the module diagram into docs/modules.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(WalletDeskApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		this.modules.verify();
	}

	@Test
	void writesModuleDiagramsIntoDocs() throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		stabilize(Path.of("docs/modules"));
	}

	/**
	 * The documenter lists relations and events in no fixed order; sorting each run of
	 * such lines keeps the committed diagrams from changing on every build.
	 */
	private static void stabilize(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				String prefix = file.toString().endsWith(".puml") ? "Rel(" : "* `";
				List<String> lines = Files.readAllLines(file);
				List<String> result = new ArrayList<>();
				List<String> run = new ArrayList<>();
				for (String line : lines) {
					if (line.startsWith(prefix)) {
						run.add(line);
						continue;
					}
					Collections.sort(run);
					result.addAll(run);
					run.clear();
					result.add(line);
				}
				Collections.sort(run);
				result.addAll(run);
				Files.write(file, result);
			}
		}
	}

}
