import FacetsBundledContent

enum FacetsVersion {
    static let number = "0.1.0"
    static var description: String { "facets \(number) (content \(BundledContent.revision))" }
}
