package blog.post;

import java.util.List;

/**
 * What readers read most, for {@code popular: auto} in sidebar.yaml: implemented where it
 * is counted (stats/), so that the posts need not know the statistics.
 */
public interface MostRead {

	/**
	 * @param days how many days back, today included
	 * @param limit how many at most
	 * @return the addresses of the posts people read most in that time, most read first
	 */
	List<String> paths(int days, int limit);

}
