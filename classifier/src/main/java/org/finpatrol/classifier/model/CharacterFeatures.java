package org.finpatrol.classifier.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * The features are the "words" handed in: {@link TextModel} computes the characters and character
 * pairs itself, once for both categorizers. Public with a no-argument constructor because OpenNLP
 * names it in a saved model and creates it by reflection when loading one.
 */
public final class CharacterFeatures implements FeatureGenerator {

  @Override
  public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
    return Arrays.asList(text);
  }
}
