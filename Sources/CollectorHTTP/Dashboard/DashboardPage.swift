/// What a dashboard page's template reads, as a value: mustache finds a name among its stored
/// properties, and in a section among the row's first, then the page's (a row's forms read the
/// page's `csrf`). A nil property is as good as absent.
protocol DashboardPage {
    /// The page's title, in the layout's `<title>`.
    var title: String { get }
    /// The signed-in person's form token, for every form on the page; nil when nobody is signed in.
    var csrf: String? { get set }
}

/// What the layout reads: the title and the page's body, already rendered.
struct PageLayout {
    let title: String
    let body: String
}
