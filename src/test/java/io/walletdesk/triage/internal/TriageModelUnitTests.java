package io.walletdesk.triage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped model (built from the corpus at build time) on messages a support team sees
 * every day, and the model's reproducibility.
 */
class TriageModelUnitTests {

	static TriageModel model;

	@BeforeAll
	static void loadShippedModel() throws IOException {
		try (InputStream in = TriageModelUnitTests.class.getClassLoader()
			.getResourceAsStream(TriageModelBuild.RESOURCE)) {
			assertThat(in).as("the build step writes the shipped model").isNotNull();
			model = TriageModel.fromBytes(in.readAllBytes());
		}
	}

	@Test
	void aRedactedSecretIsAlwaysUrgentByRule() {
		TriageModel.Labels labels = model.classify("导入钱包一直失败，这是我的助记词 [redacted: mnemonic, 12 words] 帮我看看");
		assertThat(labels.priority()).isEqualTo("urgent");
		assertThat(labels.rule()).isEqualTo("secret_exposed");
		assertThat(labels.priorityConfidence()).isEqualTo(1.0);
	}

	@Test
	void drainedWalletsAreUrgentSecurityIncidentsInBothLanguages() {
		for (String text : List.of(
				"HELP my wallet is being drained right now, all my USDT is going to an unknown address",
				"我的钱包被盗了！刚刚所有的U都被转走了，怎么办", "钱包里的ETH莫名其妙被转走了，我没有操作过")) {
			TriageModel.Labels labels = model.classify(text);
			assertThat(labels.category()).as(text).isEqualTo("security_incident");
			assertThat(labels.priority()).as(text).isEqualTo("urgent");
		}
	}

	@Test
	void everydayQuestionsGetTheirCategory() {
		assertThat(model.classify("转账一直pending，矿工费是不是给少了").category()).isEqualTo("transfer");
		assertThat(model.classify("Please add a dark mode, the white screen hurts my eyes at night").category())
			.isEqualTo("feedback");
		assertThat(model.classify("忘记密码了，怎么重置").category()).isEqualTo("account_access");
		assertThat(model.classify("Please add a dark mode, the white screen hurts my eyes at night").priority())
			.isEqualTo("low");
	}

	@Test
	void theModelSurvivesStorage() {
		TriageModel again = TriageModel.fromBytes(model.toBytes());
		String text = "swap on pancakeswap failed with INSUFFICIENT_OUTPUT_AMOUNT, slippage 0.5%";
		assertThat(again.version()).isEqualTo(model.version());
		assertThat(again.classify(text)).isEqualTo(model.classify(text));
	}

	@Test
	void trainingIsReproducible() {
		List<LabelledExample> some = Corpus.train().subList(0, 400);
		TriageModel first = TriageTrainer.train(TriageTrainer.version("test", some), some);
		TriageModel second = TriageTrainer.train(TriageTrainer.version("test", some), some);
		assertThat(second.toBytes()).isEqualTo(first.toBytes());
	}

	@Test
	void theShippedModelWasBuiltFromTheTrainingSplitOnly() {
		assertThat(model.version()).isEqualTo(TriageTrainer.version("shipped", Corpus.train()));
		List<String> trainIds = Corpus.train().stream().map(LabelledExample::id).toList();
		assertThat(Corpus.heldOut()).extracting(LabelledExample::id).doesNotContainAnyElementsOf(trainIds);
	}

}
