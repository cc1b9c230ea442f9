package org.finpatrol.app;

import java.io.IOException;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.classifier.licence.LicenceRegistry;
import org.finpatrol.classifier.model.TextModel;

/** Builds the classifier from the configuration: rules, licence registry, model if trained. */
public final class Classifiers {

  private Classifiers() {}

  public static Classifier load(AppPaths paths) throws IOException {
    return load(paths, LicenceRegistry.load(paths.licences()));
  }

  /** With this registry (the demo adds its fictional bank to the configured one). */
  public static Classifier load(AppPaths paths, LicenceRegistry registry) throws IOException {
    Classifier rules = Classifier.load(paths.rules(), registry);
    return TextModel.exists(paths.model()) ? rules.withModel(TextModel.load(paths.model())) : rules;
  }
}
