package io.walletdesk.channel.wechat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads WeChat's flat XML messages into a map of element name to text. The parser is
 * hardened because the body comes from the internet: a DOCTYPE is refused outright, so
 * neither external entities (XXE: reading local files, SSRF) nor entity expansion
 * (billion laughs) can happen, and secure processing caps whatever else could grow.
 */
final class WeChatXml {

	private static final DocumentBuilderFactory FACTORY = hardenedFactory();

	private WeChatXml() {
	}

	static DocumentBuilderFactory hardenedFactory() {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		try {
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The XML parser cannot be hardened", ex);
		}
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		factory.setNamespaceAware(false);
		return factory;
	}

	/**
	 * @throws IllegalArgumentException for malformed XML or XML with a DOCTYPE
	 */
	static Map<String, String> parse(String xml) {
		try {
			DocumentBuilder builder = FACTORY.newDocumentBuilder();
			// The default handler would print every rejected payload to stderr.
			builder.setErrorHandler(new DefaultHandler());
			Element root = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
				.getDocumentElement();
			Map<String, String> fields = new LinkedHashMap<>();
			NodeList children = root.getChildNodes();
			for (int i = 0; i < children.getLength(); i++) {
				Node child = children.item(i);
				if (child.getNodeType() == Node.ELEMENT_NODE) {
					fields.put(child.getNodeName(), child.getTextContent().trim());
				}
			}
			return fields;
		}
		catch (SAXException | IOException | ParserConfigurationException ex) {
			throw new IllegalArgumentException("Not acceptable XML: " + ex.getMessage(), ex);
		}
	}

	/** The text as a CDATA section, split where it contains the CDATA end marker. */
	static String cdata(String text) {
		return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
	}

}
